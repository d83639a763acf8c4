import net from 'node:net';

/** One answer: status and body (the body only when asked for). 0 is a transport failure. */
export type Answer = { status: number; body: string };

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * A bare HTTP/1.1 keep-alive connection for the load generator: writes a request in one `write`, parses the
 * status line and Content-Length (or a chunked body) of the answer, and reconnects when the server closes.
 * node:http's client costs ~0.1 ms of CPU per request here (agent queues, header objects, streams); this costs
 * a fraction of that, and the generator shares the machine's two cores with the server and PostgreSQL, so what
 * it spends is taken from what is measured. One request at a time per connection (no pipelining), as a browser.
 */
export class HttpConnection {
  private socket: net.Socket | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: { resolve: (a: Answer) => void; readBody: boolean } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  request(method: string, path: string, headers: Record<string, string>, body: string | undefined, readBody: boolean): Promise<Answer> {
    return new Promise((resolve) => {
      const socket = this.connect();
      this.pending = { resolve, readBody };
      let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\nconnection: keep-alive\r\n`;
      for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
      if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
      socket.write(body === undefined ? `${head}\r\n` : `${head}\r\n${body}`);
    });
  }

  close(): void {
    const socket = this.socket;
    this.socket = null; // its 'close' event then finds it is no longer the connection's socket, and is ignored
    socket?.destroy();
  }

  private connect(): net.Socket {
    if (this.socket) return this.socket;
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.parse();
    });
    const fail = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.buffered = Buffer.alloc(0);
      this.finish({ status: 0, body: '' });
    };
    socket.on('error', fail);
    socket.on('close', fail);
    this.socket = socket;
    return socket;
  }

  private finish(answer: Answer): void {
    const pending = this.pending;
    this.pending = null;
    pending?.resolve(answer);
  }

  /** Takes one complete answer off the buffer when it has arrived. */
  private parse(): void {
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffered.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const lower = head.toLowerCase();
    const length = /\r\ncontent-length: *(\d+)/.exec(lower);
    const start = end + 4;
    let body: Buffer;
    let rest: Buffer;
    if (length) {
      const total = start + Number(length[1]);
      if (this.buffered.length < total) return;
      body = this.buffered.subarray(start, total);
      rest = this.buffered.subarray(total);
    } else if (/\r\ntransfer-encoding: *chunked/.test(lower)) {
      const chunked = readChunked(this.buffered, start);
      if (!chunked) return;
      ({ body, rest } = chunked);
    } else {
      body = Buffer.alloc(0); // no body (204/304) on a keep-alive connection
      rest = this.buffered.subarray(start);
    }
    this.buffered = rest.length > 0 ? Buffer.from(rest) : Buffer.alloc(0);
    const closing = /\r\nconnection: *close/.test(lower);
    this.finish({ status, body: this.pending?.readBody ? body.toString('utf8') : '' });
    if (closing) this.close();
  }
}

/** A chunked body starting at `from`, once all of it has arrived (else null). */
function readChunked(buffer: Buffer, from: number): { body: Buffer; rest: Buffer } | null {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16);
    const dataStart = lineEnd + 2;
    if (size === 0) {
      const trailerEnd = buffer.indexOf('\r\n', dataStart); // no trailers: the empty line ends the body
      if (trailerEnd < 0) return null;
      return { body: Buffer.concat(parts), rest: buffer.subarray(trailerEnd + 2) };
    }
    if (buffer.length < dataStart + size + 2) return null;
    parts.push(buffer.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
