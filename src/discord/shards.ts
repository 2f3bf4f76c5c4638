/**
 * SHARDS=auto|N: this process spawns one process per shard with discord.js's ShardingManager and
 * supervises them (a shard that dies is respawned). It never loads the knowledge itself (it stays
 * small): shards start one after the other, so the first builds and persists the index if needed
 * and every later one loads that snapshot (about a second for the full corpus).
 * SIGTERM/SIGINT: every shard gets SIGTERM (each finishes its replies in flight), then exit 0.
 */
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { once } from 'node:events';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

export interface ManagerOptions {
  config: Pick<Config, 'discordToken' | 'discordApiBase' | 'knowledgeDir'>;
  log: Logger;
  /** The script each shard runs (src/main.ts under tsx, dist/main.js in production). */
  mainFile: string;
  sharding: { shards: number | 'auto'; spawnDelayMs: number };
}

/** Discord's recommended shard count (GET /gateway/bot), through DISCORD_API_BASE like the bot. */
async function recommendedShards(config: ManagerOptions['config']): Promise<number> {
  const rest = new REST(config.discordApiBase ? { api: config.discordApiBase } : {}).setToken(config.discordToken ?? '');
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

async function stopShard(shard: Shard, timeoutMs: number): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  shard.kill(); // SIGTERM, and no respawn
  await Promise.race([exited, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function runShardManager({ config, log, mainFile, sharding }: ManagerOptions): Promise<void> {
  const total = sharding.shards === 'auto' ? await recommendedShards(config) : sharding.shards;
  const manager = new ShardingManager(mainFile, {
    token: config.discordToken,
    totalShards: total,
    mode: 'process',
    respawn: true,
    shardArgs: ['--discord'],
    execArgv: mainFile.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, total }, 'shard spawned');
    shard.on('death', () => {
      if (!stopping) log.warn({ shard: shard.id }, 'shard process exited (respawning)');
    });
    // A failed respawn is reported here; unheard, it would take the manager down.
    shard.on('error', (err) => log.error({ err, shard: shard.id }, 'shard error'));
  });

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, shards: manager.shards.size }, 'shutdown requested: stopping shards');
    await Promise.all(manager.shards.map((s) => stopShard(s, 15_000)));
    log.info('all shards stopped');
    log.flush();
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));

  log.info({ total, delayMs: sharding.spawnDelayMs }, 'spawning shards');
  try {
    await manager.spawn({ amount: total, delay: sharding.spawnDelayMs, timeout: 120_000 });
    log.info({ total }, 'all shards ready');
  } catch (err) {
    if (stopping) return;
    log.error({ err }, 'a shard failed to start; stopping the others');
    await Promise.all(manager.shards.map((s) => stopShard(s, 15_000)));
    process.exitCode = 1;
  }
}
