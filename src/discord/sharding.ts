// `charter start --shards auto`: a ShardingManager runs one `charter start` child process per group of
// shards; discord.js hands each child its shard ids through the environment.
import { ShardingManager } from 'discord.js';
import type { Logger } from '../log.js';

export interface ShardingOptions {
  /** The script each shard runs (bin/charter.js) and its arguments (["start"]). */
  file: string;
  shardArgs: string[];
  token: string;
  totalShards: number | 'auto';
  logger: Logger;
}

export async function startSharding(options: ShardingOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(options.file, {
    token: options.token,
    totalShards: options.totalShards,
    shardArgs: options.shardArgs,
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    options.logger.info('shard started', { shardId: shard.id });
    shard.on('death', () => options.logger.warn('shard exited', { shardId: shard.id }));
  });
  await manager.spawn();
  return manager;
}

export function stopSharding(manager: ShardingManager): void {
  for (const shard of manager.shards.values()) shard.kill();
}
