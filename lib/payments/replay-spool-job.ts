// Spooled postbacks are replayed at start and every 30 seconds. The spool is local to each
// instance (its own folder), so every instance replays its own: this job is not one of the
// once-per-tick-across-instances jobs (lib/jobs/), and does not need to be, since applying a
// postback twice is a harmless duplicate.
import "server-only";
import { logger } from "../logger";
import { replaySpooledPostbacks } from "./receive-postback";

const EVERY_MS = 30_000;

export function startSpoolReplay() {
  const run = () =>
    replaySpooledPostbacks()
      .then(({ replayed, left }) => {
        if (replayed > 0 || left > 0) logger.info({ replayed, left }, "postback spool replayed");
      })
      .catch((error: unknown) => logger.error({ err: error }, "postback spool replay failed"));
  void run();
  setInterval(() => void run(), EVERY_MS).unref();
}
