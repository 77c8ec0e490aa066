// SPDX-License-Identifier: EUPL-1.2
// The keys a client assertion may be signed with: the registered JWK, or the client's key set (JWKS)
// fetched from its https URL (SMART Backend Services: the client publishes its keys; rotation
// needs no new registration). Fetched with a time limit and kept for five minutes.
const FETCH_TIMEOUT_MS = 5_000;
const CACHE_MS = 5 * 60_000;
const MAX_BYTES = 100_000;
const cache = new Map<string, { keys: Record<string, unknown>[]; until: number }>();

async function fetchKeySet(url: string): Promise<Record<string, unknown>[]> {
  const cached = cache.get(url);
  if (cached && cached.until > Date.now()) return cached.keys;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error', headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    const text = await response.text();
    if (text.length > MAX_BYTES) return [];
    const body = JSON.parse(text) as { keys?: unknown };
    const keys = Array.isArray(body.keys) ? body.keys.filter((key): key is Record<string, unknown> => Boolean(key) && typeof key === 'object') : [];
    cache.set(url, { keys, until: Date.now() + CACHE_MS });
    return keys;
  } catch {
    return [];
  }
}

/** The candidate public keys for an assertion with this `kid` (all keys when it names none). */
export async function keysOf(client: { publicJwk: Record<string, unknown> | null; jwksUrl: string | null }, kid: unknown): Promise<Record<string, unknown>[]> {
  const keys = client.publicJwk ? [client.publicJwk] : client.jwksUrl ? await fetchKeySet(client.jwksUrl) : [];
  if (typeof kid !== 'string') return keys;
  return keys.filter((key) => key.kid === undefined || key.kid === kid);
}
