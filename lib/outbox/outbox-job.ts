// The dispatcher as a scheduled job: every 10 s (once across instances), deliver what is due,
// batch after batch, for at most 30 s a run (or until no mail server answers); what is left waits
// for the next tick.
import type { ScheduledJob } from "../jobs/scheduled-job";
import { dispatchOutbox } from "./dispatch-outbox";

const RUN_BUDGET_MS = 30_000;
const BATCH = 25;

export const outboxJob: ScheduledJob = {
  name: "outbox-dispatch",
  everySeconds: 10,
  runAtStart: true,
  async run({ db }) {
    const started = Date.now();
    const total = { claimed: 0, delivered: 0, retrying: 0, dead: 0 };
    for (;;) {
      const r = await dispatchOutbox({ db, limit: BATCH });
      total.claimed += r.claimed;
      total.delivered += r.delivered;
      total.retrying += r.retrying;
      total.dead += r.dead;
      // A mail server that does not answer ends the run: the next tick tries again.
      if (r.claimed < BATCH || r.mailServerUnreachable || Date.now() - started > RUN_BUDGET_MS) return total;
    }
  },
};
