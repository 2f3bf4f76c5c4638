/**
 * A local stand-in for Discord: the REST API (HTTP) and the gateway (WebSocket) on 127.0.0.1,
 * on an ephemeral port. The real discord.js client logs into it through `rest.api`, finds the
 * gateway through `GET /gateway/bot`, and everything it sends is recorded for the tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { IDS, botUser, channelObject, guildCreate, messageObject } from './payloads.js';

export interface Call {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  body: any;
  auth: string | undefined;
}

interface Fault {
  method: string;
  path: RegExp;
  /** 0: answer normally, only later (`delayMs`). */
  status: number;
  delayMs?: number;
  body: unknown;
  headers: Record<string, string>;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export class DiscordStandIn {
  readonly calls: Call[] = [];
  readonly gatewayFrames: { op: number; d: any }[] = [];
  identifiedToken: string | undefined;
  identifiedIntents: number | undefined;
  #server: http.Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #listeners = new Set<() => void>();
  #faults: Fault[] = [];
  #seq = 0;
  #port = 0;

  private constructor(private readonly heartbeatMs: number) {
    this.#server = http.createServer((req, res) => void this.#onRequest(req, res));
    this.#wss = new WebSocketServer({ server: this.#server, path: '/gateway' });
    this.#wss.on('connection', (ws) => this.#onSocket(ws));
  }

  static async start(options: { heartbeatMs?: number } = {}): Promise<DiscordStandIn> {
    const s = new DiscordStandIn(options.heartbeatMs ?? 1000);
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', resolve));
    s.#port = (s.#server.address() as AddressInfo).port;
    return s;
  }

  /** What DISCORD_API_BASE / `rest.api` should be. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /** The next request matching method + path gets this error instead (once). */
  failNext(method: string, path: RegExp, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.#faults.push({ method, path, status, body, headers });
  }

  /** The next request matching method + path is answered normally, but only after `ms`. */
  delayNext(method: string, path: RegExp, ms: number): void {
    this.#faults.push({ method, path, status: 0, body: undefined, headers: {}, delayMs: ms });
  }

  /** Resolves with the first call at index ≥ `from` that matches; rejects after `timeoutMs`. */
  waitForCall(pred: (c: Call) => boolean, from = 0, timeoutMs = 5000): Promise<Call> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.calls.slice(from).find(pred);
        if (!hit) return false;
        this.#listeners.delete(check);
        clearTimeout(timer);
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`no matching call within ${timeoutMs} ms; calls since ${from}: ${this.describe(from)}`));
      }, timeoutMs);
      if (!check()) this.#listeners.add(check);
    });
  }

  /** Gateway connections currently open. */
  get connections(): number {
    return this.#sockets.size;
  }

  describe(from = 0): string {
    return this.calls.slice(from).map((c) => `${c.method} ${c.path}`).join(', ') || '(none)';
  }

  /** Sends a gateway dispatch (INTERACTION_CREATE, MESSAGE_CREATE, …) to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.#send({ op: 0, t, s: ++this.#seq, d });
  }

  async close(): Promise<void> {
    for (const ws of this.#sockets) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #send(frame: object): void {
    const text = JSON.stringify(frame);
    for (const ws of this.#sockets) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  }

  #onSocket(ws: WebSocket): void {
    this.#sockets.add(ws);
    ws.on('close', () => this.#sockets.delete(ws));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.gatewayFrames.push(frame);
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 })); // heartbeat → ACK
      if (frame.op === 2) {
        this.identifiedToken = frame.d.token;
        this.identifiedIntents = frame.d.intents;
        const ready = {
          v: 10,
          user: botUser,
          guilds: [{ id: IDS.guild, unavailable: true }],
          session_id: 'standin-session',
          resume_gateway_url: `ws://127.0.0.1:${this.#port}/gateway`,
          shard: [0, 1],
          application: { id: IDS.app, flags: 0 },
        };
        this.dispatch('READY', ready);
        this.dispatch('GUILD_CREATE', guildCreate());
      }
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs } }));
  }

  async #onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const call: Call = {
      method: req.method ?? 'GET',
      path: url.pathname.replace(/^\/api\/v\d+/, ''),
      query: url.searchParams,
      body: raw && String(req.headers['content-type']).includes('json') ? JSON.parse(raw) : raw || undefined,
      auth: req.headers.authorization,
    };
    const index = this.#faults.findIndex((f) => f.method === call.method && f.path.test(call.path));
    const fault = index >= 0 ? this.#faults.splice(index, 1)[0] : undefined;
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    const reply: Reply = fault?.status ? { status: fault.status, body: fault.body, headers: fault.headers } : this.#route(call);
    this.calls.push(call);
    const type: Record<string, string> = reply.body === undefined ? {} : { 'content-type': 'application/json' };
    res.writeHead(reply.status, { ...type, ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    for (const listener of [...this.#listeners]) listener();
  }

  #route({ method, path, body }: Call): Reply {
    const m = `${method} ${path}`;
    const gateway = { url: `ws://127.0.0.1:${this.#port}/gateway`, shards: 1 };
    const limits = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };
    if (m === 'GET /gateway/bot') return { status: 200, body: { ...gateway, session_start_limit: limits } };
    if (m === 'GET /gateway') return { status: 200, body: { url: gateway.url } };
    if (m === 'GET /users/@me') return { status: 200, body: botUser };
    if (m === 'GET /applications/@me') return { status: 200, body: { id: IDS.app, name: 'verbatim', flags: 0 } };
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const list = Array.isArray(body) ? body : [];
      return { status: 200, body: list.map((c: object, i: number) => ({ id: `${IDS.command}${i}`, application_id: IDS.app, version: '1', ...c })) };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    const hook = /^\/webhooks\/\d+\/[^/]+(?:\/messages\/(@original|\d+))?$/.exec(path);
    if (hook && (method === 'POST' || method === 'PATCH')) return { status: 200, body: messageObject(IDS.channel, body, botUser) };
    if (hook && method === 'DELETE') return { status: 204 };
    const channel = /^\/channels\/(\d+)(\/messages|\/typing)?$/.exec(path);
    if (channel && method === 'POST' && channel[2] === '/typing') return { status: 204 };
    if (channel && method === 'POST' && channel[2] === '/messages') return { status: 200, body: messageObject(channel[1]!, body, botUser) };
    if (channel && method === 'GET' && !channel[2]) return { status: 200, body: channelObject(channel[1]!) };
    if (m === 'POST /users/@me/channels') return { status: 200, body: channelObject(IDS.dmChannel, body?.recipient_id) };
    return { status: 404, body: { message: `stand-in has no route for ${m}`, code: 0 } };
  }
}
