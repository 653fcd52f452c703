import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** A local server on 127.0.0.1 for test pages and feeds: files from `root`, plus routes set per test. */
export interface TestServer {
  origin: string;
  url(path: string): string;
  route(path: string, handler: RouteHandler): void;
  /** Requests seen, newest last (path and headers), for asserting conditional requests. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startServer(root: string): Promise<TestServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    const done = handler ? handler(req, res) : serveFile(root, path, res);
    Promise.resolve(done).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    route: (path, handler) => void routes.set(path, handler),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function serveFile(root: string, path: string, res: ServerResponse): Promise<void> {
  const file = join(root, normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, ''));
  try {
    const body = await readFile(file);
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end('not found');
  }
}
