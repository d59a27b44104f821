// An SMTP server that accepts every sender and refuses every recipient with 550, the way a real
// server refuses a bad address at RCPT TO.
import net from "node:net";
import type { AddressInfo } from "node:net";

export async function startRefusingSmtpServer() {
  const server = net.createServer((socket) => {
    let buffer = "";
    socket.write("220 refusing.test ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let end;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end).toUpperCase();
        buffer = buffer.slice(end + 2);
        if (line.startsWith("EHLO") || line.startsWith("HELO")) socket.write("250 refusing.test\r\n");
        else if (line.startsWith("MAIL FROM")) socket.write("250 2.1.0 OK\r\n");
        else if (line.startsWith("RCPT TO")) socket.write("550 5.1.1 No such mailbox\r\n");
        else if (line.startsWith("RSET") || line.startsWith("NOOP")) socket.write("250 OK\r\n");
        else if (line.startsWith("QUIT")) socket.end("221 2.0.0 Bye\r\n");
        else socket.write("503 5.5.1 Bad sequence\r\n");
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { smtpUrl: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
