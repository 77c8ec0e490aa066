// SPDX-License-Identifier: EUPL-1.2
// Every security header, set in one place.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../../config.js';

export const API_VERSION = '1.0.0';

export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.isTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.isTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.url;
    if (url.startsWith('/api/') || url.startsWith('/fhir/')) {
      // API responses may carry personal data: never store them in any cache.
      if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
      // Every response, errors included (NL API Design Rules /core/version-header).
      reply.header('API-Version', API_VERSION);
    }
    return payload;
  });
}
