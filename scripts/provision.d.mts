/** Types of scripts/provision.mjs (plain Node ESM, run by `npm test` before the build). */

export interface Requirement {
  name: string;
  why: string;
  apt?: string;
  npm?: { spec: string; os?: string; cpu?: string };
  elsewhere?: string;
  find(): string | undefined;
}

export interface MachineState {
  platform: NodeJS.Platform;
  root: boolean;
  sudo: boolean;
  aptGet: boolean;
  aptListsEmpty: boolean;
  present: Record<string, boolean>;
}

export type Action =
  | { kind: 'apt-update'; sudo: boolean }
  | { kind: 'apt-install'; name: string; package: string; sudo: boolean }
  | { kind: 'npm-install'; name: string; spec: string; os?: string; cpu?: string };

export interface Plan {
  actions: Action[];
  message: string | undefined;
}

export const REQUIREMENTS: Requirement[];
export const NODE_WIN_VERSION: string;
export function findWine(env?: NodeJS.ProcessEnv): string | undefined;
export function findWineserver(env?: NodeJS.ProcessEnv): string | undefined;
export function findNodeExe(): string | undefined;
export function browserCandidates(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string[];
export function findBrowser(options?: {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  isExecutable?: (file: string) => boolean;
}): string | undefined;
export function onPath(name: string, env?: NodeJS.ProcessEnv): string | undefined;
export function npmPrefix(name: string): string;
export function npmInstalled(name: string, spec: string): string | undefined;
export function plan(requirements: Requirement[], state: MachineState): Plan;
export function installMessage(requirements: Requirement[], state: MachineState): string;
export function probe(requirements?: Requirement[]): MachineState;
export function aptListsEmpty(dir?: string): boolean;
export function commandOf(action: Action & { sudo?: boolean }): [string, string[]];
export function execute(
  plan: Plan,
  io?: {
    requirements?: Requirement[];
    runCommand?: (command: string, args: string[]) => Promise<{ code: number; output: string }>;
    write?: (line: string) => void;
    now?: () => number;
  },
): Promise<{ failed: string[] }>;
