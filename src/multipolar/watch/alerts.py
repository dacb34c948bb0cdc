"""Rule matches to alert records (with corroboration), and alert delivery to a webhook.

Corroboration counts the distinct sources (URL hosts, or file paths for local
documents) whose documents reported the same fact (rule + match key). A rule
with ``min_corroboration: 1`` raises one alert per fact per document; a higher
value raises a single alert for the fact, when the N-th source reports it.

Delivery is at-least-once: an alert is stored as ``pending`` in the same
transaction that stores it, and a failed POST is retried on later rounds (up to
:data:`MAX_ATTEMPTS`). Receivers can deduplicate by ``alert.id``.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import httpx

from .. import __version__
from ..model import Record
from .rules import RuleSet
from .state import WatchState, now_iso

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def source_host(record: Record) -> str:
    """Who reported it: the host of the document's URL, else its source as given."""
    doc = record.document
    for candidate in (doc.url, doc.source):
        if candidate and candidate.startswith(("http://", "https://")):
            return urlsplit(candidate).netloc.lower()
    return doc.source


def raise_alerts(state: WatchState, rules: RuleSet, record: Record, webhook: str | None = None) -> list[int]:
    """Store the alerts ``record`` raises; returns the ids of new alerts. Call inside a transaction."""
    if record.error is not None:
        return []
    doc = record.document
    host = source_host(record)
    hook = webhook or rules.webhook
    new_ids = []
    for rule in rules.rules:
        for match in rule.matches(record):
            sources = state.add_match(rule.name, match.key, doc.id, host)
            if sources < rule.min_corroboration:
                continue
            dedupe = (f"{rule.name}|{match.key}|{doc.id}" if rule.min_corroboration <= 1
                      else f"{rule.name}|{match.key}")
            alert_id = state.add_alert({
                "rule": rule.name, "match_key": match.key, "dedupe_key": dedupe, "document_id": doc.id,
                "source": doc.source, "url": doc.url, "title": doc.title, "published": doc.published,
                "summary": match.summary, "evidence": match.evidence, "corroboration": sources,
                "created_at": now_iso(), "webhook": hook, "webhook_state": "pending" if hook else "none"})
            if alert_id is not None:
                log.info("alert %s: %s (%s)", rule.name, match.summary, doc.source)
                new_ids.append(alert_id)
    return new_ids


def alert_payload(alert: dict[str, Any]) -> dict[str, Any]:
    """The JSON body POSTed to a webhook for one alert."""
    return {
        "type": "multipolar.alert",
        "coder_version": __version__,
        "alert": {k: alert[k] for k in ("id", "rule", "match_key", "summary", "corroboration", "created_at")},
        "document": {"id": alert["document_id"], "source": alert["source"], "url": alert["url"],
                     "title": alert["title"], "published": alert["published"]},
        "evidence": alert["evidence"],
    }


def deliver_webhooks(state: WatchState, client: httpx.Client | None = None, timeout: float = 10.0) -> dict[str, int]:
    """POST every pending alert to its webhook; returns counts of sent and failed deliveries.

    The webhook is the user's own endpoint (from the rules file or ``--webhook``), so it
    is not subject to the page fetcher's address rules.
    """
    own = client is None
    client = client or httpx.Client(timeout=timeout, trust_env=False,
                                    headers={"User-Agent": f"multipolar/{__version__} (alerts)"})
    counts = {"sent": 0, "failed": 0}
    try:
        for alert in state.pending_webhooks(MAX_ATTEMPTS):
            error = None
            try:
                response = client.post(alert["webhook"], json=alert_payload(alert))
                if response.status_code >= 300:
                    error = f"HTTP {response.status_code}"
            except httpx.HTTPError as e:
                error = f"{type(e).__name__}: {e}"
            state.webhook_result(alert["id"], error is None, error, MAX_ATTEMPTS)
            if error:
                counts["failed"] += 1
                log.warning("webhook for alert %s failed: %s (will retry)", alert["id"], error)
            else:
                counts["sent"] += 1
    finally:
        if own:
            client.close()
    return counts
