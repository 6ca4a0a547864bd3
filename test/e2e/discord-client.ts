// Plays Discord's side of the HTTP interactions protocol over loopback: builds interaction payloads and signs
// them exactly as Discord does (Ed25519 over X-Signature-Timestamp + raw body, hex in X-Signature-Ed25519).
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DiscordKeys {
  privateKey: KeyObject;
  /** The public key as the Developer Portal shows it: 32 bytes, hex. */
  publicKeyHex: string;
}

export function generateDiscordKeys(): DiscordKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: spki.subarray(spki.length - 32).toString('hex') };
}

export function signatureHeaders(
  privateKey: KeyObject,
  body: string | Buffer,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const timestamp = String(timestampSeconds);
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey);
  return { 'x-signature-ed25519': signature.toString('hex'), 'x-signature-timestamp': timestamp };
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function baseUrl(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address}:${port}`;
}

/** One request on a fresh connection; resolves with the reply even if the server closes early. */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    // A server that refuses a large upload may close while we are still writing: the reply, if any, wins.
    req.on('error', reject);
    req.end(options.body);
  });
}

export function postInteraction(
  server: Server,
  keys: DiscordKeys,
  interaction: unknown,
  timestampSeconds?: number,
): Promise<HttpReply> {
  const body = JSON.stringify(interaction);
  return send(`${baseUrl(server)}/interactions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signatureHeaders(keys.privateKey, body, timestampSeconds),
    },
    body,
  });
}

const APPLICATION_ID = '1100000000000000001';
const user = {
  id: '1200000000000000002',
  username: 'tester',
  discriminator: '0',
  global_name: null,
  avatar: null,
};
const member = { user, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 };

function message(id: string, content: string): Record<string, unknown> {
  return {
    id,
    channel_id: '1500000000000000005',
    author: user,
    content,
    timestamp: '2024-01-01T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
  };
}

interface Envelope {
  id: string;
  application_id: string;
  type: number;
  token: string;
  [field: string]: unknown;
}

function envelope(type: number, data?: unknown): Envelope {
  return {
    id: '1300000000000000003',
    application_id: APPLICATION_ID,
    type,
    token: `interaction-token-${Math.random().toString(36).slice(2)}`,
    version: 1,
    guild_id: '1400000000000000004',
    channel_id: '1500000000000000005',
    channel: { id: '1500000000000000005', type: 0 },
    member,
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': '1400000000000000004' },
    context: 0,
    ...(data === undefined ? {} : { data }),
  };
}

export const interactions = {
  ping: () => ({
    id: '1300000000000000003',
    application_id: APPLICATION_ID,
    type: 1,
    token: 'ping',
    version: 1,
  }),
  slash: (
    name: string,
    options: { name: string; type: number; value: string | number; focused?: boolean }[],
  ) => envelope(2, { id: '1600000000000000006', name, type: 1, options }),
  autocomplete: (name: string, option: string, partial: string) =>
    envelope(4, {
      id: '1600000000000000006',
      name,
      type: 1,
      options: [{ name: option, type: 3, value: partial, focused: true }],
    }),
  button: (customId: string): Envelope => ({
    ...envelope(3, { custom_id: customId, component_type: 2 }),
    message: message('1900000000000000009', 'An earlier answer'),
  }),
  messageContextMenu: (name: string, messageText: string) =>
    envelope(2, {
      id: '1700000000000000007',
      name,
      type: 3,
      target_id: '1800000000000000008',
      resolved: {
        messages: {
          '1800000000000000008': message('1800000000000000008', messageText),
        },
      },
    }),
};
