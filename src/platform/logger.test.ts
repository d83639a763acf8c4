import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logger redaction', () => {
  it('masks card numbers in messages, fields and nested objects, and hides secrets', () => {
    const { lines, logger } = capture();
    logger.info(
      { body: { text: 'card 4111 1111 1111 1111 please', password: 'hunter2', nested: [{ note: '378282246310005' }] }, headers: { authorization: 'Bearer abc' } },
      'saw 5555555555554444 in a message',
    );
    const out = lines.join('');
    assert.doesNotMatch(out, /4111 1111 1111 1111|378282246310005|5555555555554444|hunter2|Bearer abc/);
    assert.match(out, /•••• 1111/);
    assert.match(out, /•••• 0005/);
    assert.match(out, /saw •••• 4444 in a message/);
    const line = JSON.parse(lines[0]!);
    assert.equal(line.body.password, '[redacted]');
    assert.equal(line.headers.authorization, '[redacted]');
  });

  it('masks card numbers inside logged errors and request URLs', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('bad pan 4111111111111111') }, 'failed');
    logger.info({ req: { id: 'req_1', method: 'GET', url: '/api/v1/x?q=4111111111111111' } }, 'incoming');
    const out = lines.join('');
    assert.doesNotMatch(out, /4111111111111111/);
    assert.match(out, /q=•••• 1111/);
  });
});

describe('request logging', () => {
  it('keeps method, url and status of framework objects, with card numbers masked', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', stream);
    class FakeRequest {
      get id() {
        return 'req_1';
      }
      get method() {
        return 'GET';
      }
      get url() {
        return '/api/v1/customers?q=4111111111111111';
      }
    }
    logger.info({ req: new FakeRequest() }, 'incoming request');
    const line = JSON.parse(lines[0]!);
    assert.equal(line.req.method, 'GET');
    assert.equal(line.req.url, '/api/v1/customers?q=•••• 1111');
  });
});
