// Server-Sent Events over fetch(): EventSource cannot send an Authorization header.
// The parser follows the WHATWG event-stream format: lines end in CRLF, LF or CR, `field: value`,
// `data` lines joined with LF, a blank line dispatches, lines starting with `:` are comments
// (heartbeats). `id` and `retry` are not used: every event carries the whole picture.

/** The events of a text/event-stream body, as {event, data}; `:` lines are heartbeats. */
export async function* sseEvents(body, onBytes = () => {}) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '', event = '', data = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onBytes();
      buffer += value;
      for (let m; (m = /\r\n|\r|\n/.exec(buffer)) && !(m[0] === '\r' && m.index === buffer.length - 1);) {
        const line = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
        } else if (line[0] !== ':') {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') data.push(text);
          else if (field === 'event') event = text;
        }
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
