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
  /** The status the stand-in answered with (an injected fault's, or the route's). */
  status: number;
  /** When the request arrived (performance.now()), for latency figures. */
  at: number;
  /** Attachments of a multipart request (discord.js sends files that way, the JSON under `payload_json`). */
  files?: Array<{ field: string; name: string; type: string; data: Buffer }>;
}

interface Fault {
  method: string;
  path: RegExp;
  /** 0: answer normally, only later (`delayMs`). */
  status: number;
  delayMs?: number;
  body: unknown;
  headers: Record<string, string>;
  /** How many more requests it applies to. */
  times: number;
}

/** A gateway session: the events dispatched to it (for RESUME replay) and the socket it is on. */
interface Session {
  id: string;
  shard: [number, number];
  events: { op: 0; t: string; s: number; d: unknown }[];
  seq: number;
  socket: WebSocket | null;
}

/** Which shard Discord routes a guild's events to. */
export function shardOf(guildId: string | undefined, count: number): number {
  return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export class DiscordStandIn {
  readonly calls: Call[] = [];
  readonly gatewayFrames: { op: number; d: any }[] = [];
  /** Every IDENTIFY's shard ([id, count]) and every RESUME, in order. */
  readonly identifies: [number, number][] = [];
  resumes = 0;
  /** Requests that have arrived (before any delay), for "in flight" checks. */
  received = 0;
  identifiedToken: string | undefined;
  identifiedIntents: number | undefined;
  #sessions = new Map<string, Session>();
  #server: http.Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #listeners = new Set<() => void>();
  #faults: Fault[] = [];
  #port = 0;

  private constructor(
    private readonly heartbeatMs: number,
    private readonly recommendedShards: number,
  ) {
    this.#server = http.createServer((req, res) => void this.#onRequest(req, res));
    this.#wss = new WebSocketServer({ server: this.#server, path: '/gateway' });
    this.#wss.on('connection', (ws) => this.#onSocket(ws));
  }

  static async start(options: { heartbeatMs?: number; shards?: number } = {}): Promise<DiscordStandIn> {
    const s = new DiscordStandIn(options.heartbeatMs ?? 1000, options.shards ?? 1);
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
    this.#faults.push({ method, path, status, body, headers, times: 1 });
  }

  /** The next `times` requests matching method + path are answered normally, but only after `ms`. */
  delayNext(method: string, path: RegExp, ms: number, times = 1): void {
    this.#faults.push({ method, path, status: 0, body: undefined, headers: {}, delayMs: ms, times });
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
    return (
      this.calls
        .slice(from)
        .map((c) => `${c.method} ${c.path}`)
        .join(', ') || '(none)'
    );
  }

  /**
   * Sends a gateway dispatch (INTERACTION_CREATE, MESSAGE_CREATE, …) on the newest session of the
   * shard that owns its guild (DMs: shard 0), like Discord. While that session is disconnected the
   * event is kept, and replayed when the client RESUMEs.
   */
  dispatch(t: string, d: unknown, shard?: number): void {
    const session = this.#sessionFor(shard ?? shardOf((d as { guild_id?: string } | null)?.guild_id, this.#shardCount()));
    if (!session) throw new Error(`no gateway session for ${t}: the client has not identified yet`);
    this.#emit(session, t, d);
  }

  /** Closes every gateway connection with this close code (4000: unknown error, resumable). */
  closeGateway(code: number): void {
    for (const ws of this.#sockets) ws.close(code, 'stand-in close');
  }

  /** Drops every gateway connection without a close frame (an abrupt TCP loss). */
  dropGateway(): void {
    for (const ws of this.#sockets) ws.terminate();
  }

  /** Sends op 7 RECONNECT or op 9 INVALID_SESSION (d: resumable?) on every connection. */
  sendOp(op: 7 | 9, d: boolean | null = null): void {
    for (const ws of this.#sockets) {
      if (op === 9 && !d) for (const session of this.#sessions.values()) if (session.socket === ws) this.#sessions.delete(session.id);
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ op, d }));
    }
  }

  /** Sessions whose socket is open (each READY or RESUMED). */
  get liveSessions(): number {
    return [...this.#sessions.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN).length;
  }

  async close(): Promise<void> {
    for (const ws of this.#sockets) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #shardCount(): number {
    const newest = [...this.#sessions.values()].at(-1);
    return newest?.shard[1] ?? 1;
  }

  #sessionFor(shard: number): Session | undefined {
    return [...this.#sessions.values()].filter((s) => s.shard[0] === shard).at(-1);
  }

  #emit(session: Session, t: string, d: unknown): void {
    const frame = { op: 0 as const, t, s: ++session.seq, d };
    session.events.push(frame);
    const ws = session.socket;
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  }

  #identify(ws: WebSocket, d: any): void {
    this.identifiedToken = d.token;
    this.identifiedIntents = d.intents;
    const shard: [number, number] = Array.isArray(d.shard) ? [d.shard[0], d.shard[1]] : [0, 1];
    this.identifies.push(shard);
    const session: Session = { id: `standin-session-${this.identifies.length}`, shard, events: [], seq: 0, socket: ws };
    this.#sessions.set(session.id, session);
    const mine = shardOf(IDS.guild, shard[1]) === shard[0];
    const ready = {
      v: 10,
      user: botUser,
      guilds: mine ? [{ id: IDS.guild, unavailable: true }] : [],
      session_id: session.id,
      resume_gateway_url: `ws://127.0.0.1:${this.#port}/gateway`,
      shard,
      application: { id: IDS.app, flags: 0 },
    };
    this.#emit(session, 'READY', ready);
    if (mine) this.#emit(session, 'GUILD_CREATE', guildCreate());
  }

  #resume(ws: WebSocket, d: any): void {
    const session = this.#sessions.get(d.session_id);
    if (!session) {
      ws.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    this.resumes += 1;
    session.socket = ws;
    const missed = session.events.filter((e) => e.s > Number(d.seq ?? 0));
    for (const e of missed) ws.send(JSON.stringify(e));
    this.#emit(session, 'RESUMED', null);
  }

  #onSocket(ws: WebSocket): void {
    this.#sockets.add(ws);
    ws.on('close', () => this.#sockets.delete(ws));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.gatewayFrames.push(frame);
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 })); // heartbeat → ACK
      if (frame.op === 2) this.#identify(ws, frame.d);
      if (frame.op === 6) this.#resume(ws, frame.d);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs } }));
  }

  async #onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const contentType = String(req.headers['content-type']);
    const multipart = contentType.startsWith('multipart/form-data') ? await readMultipart(bytes, contentType) : null;
    const call: Call = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, '')),
      query: url.searchParams,
      body: multipart ? multipart.body : raw && contentType.includes('json') ? JSON.parse(raw) : raw || undefined,
      auth: req.headers.authorization,
      status: 0,
      at,
      ...(multipart ? { files: multipart.files } : {}),
    };
    this.received += 1;
    const index = this.#faults.findIndex((f) => f.method === call.method && f.path.test(call.path));
    const fault = index >= 0 ? this.#faults[index] : undefined;
    if (fault && --fault.times <= 0) this.#faults.splice(index, 1);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    const reply: Reply = fault?.status ? { status: fault.status, body: fault.body, headers: fault.headers } : this.#route(call);
    call.status = reply.status;
    this.calls.push(call);
    const type: Record<string, string> = reply.body === undefined ? {} : { 'content-type': 'application/json' };
    res.writeHead(reply.status, { ...type, ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    for (const listener of [...this.#listeners]) listener();
  }

  #route({ method, path, body }: Call): Reply {
    const m = `${method} ${path}`;
    const gateway = { url: `ws://127.0.0.1:${this.#port}/gateway`, shards: this.recommendedShards };
    // max_concurrency 16: shards of one process identify at once (discord.js waits 5 s per bucket).
    const limits = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 };
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

/** A multipart body as Discord reads it: the JSON under `payload_json`, the rest as files. */
async function readMultipart(bytes: Buffer, contentType: string): Promise<{ body: unknown; files: NonNullable<Call['files']> }> {
  const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  const files: NonNullable<Call['files']> = [];
  let body: unknown;
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json') body = JSON.parse(String(value));
    else if (typeof value !== 'string') files.push({ field, name: value.name, type: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { body, files };
}
