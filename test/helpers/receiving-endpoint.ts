// SPDX-License-Identifier: EUPL-1.2
// A real HTTP endpoint on 127.0.0.1 that records what it receives (an integration's notification
// endpoint) and answers with the status the test sets.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ReceivingEndpoint {
  url: string;
  received: ReceivedRequest[];
  /** The status of the next answers (200 by default). */
  answerWith: number;
  close(): Promise<void>;
}

export async function startReceivingEndpoint(pathname: string): Promise<ReceivingEndpoint> {
  const endpoint = { received: [] as ReceivedRequest[], answerWith: 200 };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      endpoint.received.push({ headers: request.headers, body });
      response.statusCode = endpoint.answerWith;
      response.end(endpoint.answerWith === 200 ? 'ok' : 'kapot');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(endpoint, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathname}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
