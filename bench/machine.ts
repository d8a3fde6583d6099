// What the figures were measured on: CPU, core count, Node version, date, and whether other work
// was running (load average sampled before and after the run), so readers can weigh the numbers.
import { cpus, loadavg, totalmem } from "node:os";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  date: string;
  /** 1-minute load average when the benchmarks started, and the highest seen while they ran */
  loadAtStart: number;
  loadMax: number;
}

export class MachineWatch {
  private readonly loadAtStart = loadavg()[0];
  private loadMax = this.loadAtStart;
  private readonly timer = setInterval(() => {
    this.loadMax = Math.max(this.loadMax, loadavg()[0]);
  }, 5_000);

  constructor() {
    this.timer.unref();
  }

  finish(): MachineInfo {
    clearInterval(this.timer);
    this.loadMax = Math.max(this.loadMax, loadavg()[0]);
    return {
      cpu: cpus()[0]?.model?.trim() ?? "unknown CPU",
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      date: new Date().toISOString().slice(0, 16).replace("T", " "),
      loadAtStart: Number(this.loadAtStart.toFixed(2)),
      loadMax: Number(this.loadMax.toFixed(2)),
    };
  }
}

/**
 * The benchmarks themselves keep about one core busy; a load average above that means other
 * processes competed for the CPU and the figures are lower than on an idle machine.
 */
export function otherWorkNote(machine: MachineInfo): string | undefined {
  const busy = machine.loadMax - 1;
  if (busy < 0.5) return undefined;
  return `Other work was running on this ${machine.cores}-core machine during the run (1-minute load average ${machine.loadAtStart} at the start, up to ${machine.loadMax}, of which about 1 is the benchmark itself): the figures are lower bounds and vary between runs.`;
}
