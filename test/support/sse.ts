// A minimal Server-Sent Events client over node:http for tests: collects `notification` events.
import http from "node:http";

export interface Stream {
  status: number;
  body: string;
  /** `event` is the SSE event name: "notification" or "update". */
  events: { event: string; id: string; type: string; subjectId: string; subjectType: string; urgent: boolean }[];
  /** Resolves with the first event matching `predicate`, or rejects after `ms`. */
  waitFor(predicate: (e: Stream["events"][number]) => boolean, ms?: number): Promise<Stream["events"][number]>;
  close(): void;
}

/** Opens GET {base}/api/notifications/stream with a Bearer token. */
export function openStream(base: string, token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const listeners = new Set<() => void>();
    const request = http.get(`${base}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      const stream: Stream = {
        status: response.statusCode ?? 0,
        body: "",
        events: [],
        waitFor(predicate, ms = 5000) {
          return new Promise((done, fail) => {
            const check = () => {
              const found = stream.events.find(predicate);
              if (found) {
                listeners.delete(check);
                clearTimeout(timer);
                done(found);
              }
            };
            const timer = setTimeout(() => {
              listeners.delete(check);
              fail(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(stream.events)}`));
            }, ms);
            listeners.add(check);
            check();
          });
        },
        close() {
          request.destroy();
        },
      };
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        stream.body += chunk;
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split("\n")
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n");
          const name = /^event: (\S+)$/m.exec(frame)?.[1];
          if (name && data) stream.events.push({ ...JSON.parse(data), event: name });
          end = buffer.indexOf("\n\n");
        }
        for (const listener of [...listeners]) listener();
      });
      response.on("error", () => undefined);
      if (stream.status !== 200) response.on("end", () => resolve(stream));
      else resolve(stream);
    });
  });
}
