// `npm run prune`: applies the retention periods once (the service also does it on a timer) and prints what went.
import { parseCli, printJsonLine } from "./cli-kit.js";
import { readCliConfig, withOfflineDataLifecycle } from "./offline-data-lifecycle.js";

const args = parseCli({
  name: "prune",
  summary: "Delete conversation data past the RETENTION_* periods (transcripts, traces, checkpoints, vault entries)",
  usage: "npm run prune -- [--data-dir var]",
  options: {
    "data-dir": {
      type: "string",
      description: "Data directory holding chat.sqlite and checkpoints.sqlite (default: DATA_DIR)",
    },
  },
});

const config = readCliConfig();
await withOfflineDataLifecycle(config, args.values["data-dir"], async (lifecycle) => {
  const report = await lifecycle.pruner.prune();
  console.log(
    `pruned ${report.conversations.sessions} conversations, ${report.traces} traces, ${report.checkpointThreads} checkpoint threads in ${report.ms} ms`,
  );
  printJsonLine({
    policy: {
      transcriptDays: config.retention.transcriptDays,
      traceDays: config.retention.traceDays,
      checkpointDays: config.retention.checkpointDays,
    },
    ...report,
  });
});
