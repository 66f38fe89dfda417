// Preloaded (`node --require`) into each process the start-up bench runs: on exit it writes the
// process's own CPU time (user + system, microseconds, from process start) to the file named by
// TW_BENCH_CPU_FILE. Kept to a few lines of CommonJS so it adds the same tiny cost to every process,
// `node -e 0` included.
const file = process.env.TW_BENCH_CPU_FILE;
if (file) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    require("node:fs").writeFileSync(file, `${user + system}\n`);
  });
}
