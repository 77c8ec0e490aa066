// SPDX-License-Identifier: EUPL-1.2
// A small OpenID provider started on 127.0.0.1 in the test process: discovery, JWKS, a token endpoint
// that checks the client, PKCE and redirect URI and signs ID tokens (RS256, node:crypto), and an
// authorize endpoint for browser tests that "logs in" whoever the test chose (loginNextAs).
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';

interface IssuedCode {
  nonce: string;
  codeChallenge: string;
  redirectUri: string | null;
  claims: Record<string, unknown>;
}

export interface IdentityProviderOptions {
  clientId: string;
  clientSecret: string;
  /** Redirect URIs the token endpoint accepts; a function when the port is known only later. */
  redirectUris: () => readonly string[];
}

export type TestIdentityProvider = Awaited<ReturnType<typeof startIdentityProvider>>;

export async function startIdentityProvider(options: IdentityProviderOptions) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  /** What the authorize endpoint asked for, most recent last (acr_values, scope). */
  const authorizeRequests: URLSearchParams[] = [];
  let nextClaims: Record<string, unknown> | null = null;
  const server: FastifyInstance = Fastify();
  let issuer = '';
  const newCode = (issued: IssuedCode) => {
    const code = `code-${codes.size}-${Math.random().toString(36).slice(2)}`;
    codes.set(code, issued);
    return code;
  };
  server.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  server.get('/idp/.well-known/openid-configuration', async () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic'],
  }));
  server.get('/idp/jwks', async () => ({ keys: [jwk] }));
  // A browser arrives here: the person "logs in" with the claims the test set, and goes back with a code.
  server.get('/idp/authorize', async (request, reply) => {
    const query = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1));
    authorizeRequests.push(query);
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!nextClaims || !options.redirectUris().includes(redirectUri)) return reply.status(400).send('no login prepared');
    const code = newCode({ nonce: query.get('nonce')!, codeChallenge: query.get('code_challenge')!, redirectUri, claims: nextClaims });
    nextClaims = null;
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.get('state') ?? '');
    return reply.redirect(back.href, 303);
  });
  server.post('/idp/token', async (request, reply) => {
    const body = request.body as Record<string, string>;
    // client_secret_basic: both parts form-urlencoded (RFC 6749 §2.3.1), then base64.
    const [clientId, clientSecret] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':')
      .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    const issued = codes.get(body.code ?? '');
    codes.delete(body.code ?? '');
    const verifierChallenge = createHash('sha256').update(body.code_verifier ?? '').digest('base64url');
    const isRedirectOk = options.redirectUris().includes(body.redirect_uri ?? '') && (!issued?.redirectUri || issued.redirectUri === body.redirect_uri);
    if (clientId !== options.clientId || clientSecret !== options.clientSecret || !issued || verifierChallenge !== issued.codeChallenge || !isRedirectOk) {
      return reply.status(400).send({ error: 'invalid_grant' });
    }
    const now = Math.floor(Date.now() / 1000);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${encode({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })}.${encode({
      iss: issuer,
      aud: options.clientId,
      iat: now,
      exp: now + 300,
      nonce: issued.nonce,
      ...issued.claims,
    })}`;
    const signature = sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
    return { access_token: 'test-access-token', token_type: 'Bearer', expires_in: 300, id_token: `${signingInput}.${signature}` };
  });
  const address = await server.listen({ host: '127.0.0.1', port: 0 });
  issuer = `${address}/idp`;
  return {
    issuer,
    authorizeRequests,
    /** What the provider does after the person logs in there: remember a code for these claims. */
    issueCode(authorizeUrl: URL, claims: Record<string, unknown>): string {
      return newCode({
        nonce: authorizeUrl.searchParams.get('nonce')!,
        codeChallenge: authorizeUrl.searchParams.get('code_challenge')!,
        redirectUri: null,
        claims,
      });
    },
    /** The next browser that reaches the authorize endpoint logs in with these claims. */
    loginNextAs(claims: Record<string, unknown>) {
      nextClaims = claims;
    },
    close: () => server.close(),
  };
}
