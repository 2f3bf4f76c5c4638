import { expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.abcdef.secret-secret-secret';

function capture() {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', format: 'json', secrets: [TOKEN], destination: { write: (s: string) => void lines.push(s) } });
  return { log, text: () => lines.join('') };
}

it('never writes the bot token, wherever it appears', () => {
  const { log, text } = capture();
  log.info({ token: TOKEN, config: { discordToken: TOKEN } }, 'fields');
  log.info(`message with ${TOKEN} inside`);
  log.error({ err: new Error(`boom ${TOKEN}`) }, 'error');
  log.info({ headers: { authorization: `Bot ${TOKEN}` } }, 'headers');
  expect(text()).not.toContain(TOKEN);
  expect(text()).toContain('[redacted]');
});

it('scrubs interaction and webhook tokens from URLs in errors', () => {
  const { log, text } = capture();
  const url = 'https://discord.com/api/v10/interactions/1300000000000000001/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4/callback';
  log.error({ err: Object.assign(new Error('Unknown interaction'), { url, requestBody: { json: { content: 'dm text' } } }) }, 'failed');
  expect(text()).not.toContain('aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4');
  expect(text()).toContain('/interactions/1300000000000000001/[redacted]/callback');
  expect(text()).not.toContain('dm text');
});
