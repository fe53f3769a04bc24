import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runKroma } from "./kroma-bin.js";

// The completion scripts come from the command tree of the built binary; no server is needed
// (the --api-url runKroma passes is never used).
const kroma = (args: string[]) => runKroma("http://127.0.0.1:9", args);

/** What the bash script offers for the words typed so far (the last one being completed). */
async function bashOffers(script: string, words: string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "kroma-completion-"));
  const file = join(dir, "kroma.bash");
  await writeFile(file, script);
  const line = words.map((word) => `'${word}'`).join(" ");
  const program = `source '${file}'; COMP_WORDS=(kroma ${line}); COMP_CWORD=${words.length}; _kroma; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return new Promise((resolve, reject) =>
    execFile("bash", ["--norc", "-c", program], (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(stdout.split("\n").filter(Boolean)),
    ),
  );
}

/** Whether `shell` is installed here: the zsh and fish scripts are run only where they are. */
const installed = (shell: string) => spawnSync(shell, ["--version"]).status === 0;

/** Runs `program` in `shell` with the script saved as `file`; resolves to its output lines. */
async function inShell(shell: string, args: string[], script: string, name: string, program: string) {
  const dir = await mkdtemp(join(tmpdir(), "kroma-completion-"));
  await writeFile(join(dir, name), script);
  return new Promise<string[]>((resolve, reject) =>
    execFile(shell, [...args, program.replaceAll("SCRIPT", join(dir, name))], (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(stdout.split("\n").filter(Boolean)),
    ),
  );
}

describe("kroma completion", () => {
  it("bash: offers the commands, runs' subcommands and each command's options", async () => {
    const { code, stdout } = await kroma(["completion", "bash"]);
    expect(code).toBe(0);
    expect(stdout).toContain("complete -o default -F _kroma kroma");

    expect(await bashOffers(stdout, [""])).toEqual(
      expect.arrayContaining(["runs", "secrets", "storage", "templates", "completion"]),
    );
    expect(await bashOffers(stdout, ["ru"])).toEqual(["runs"]);
    const runs = await bashOffers(stdout, ["runs", ""]);
    expect(runs).toEqual(expect.arrayContaining(["list", "show", "watch", "trigger", "rerun", "cancel", "resume"]));
    expect(await bashOffers(stdout, ["runs", "watch", "--pro"])).toEqual(["--project"]);
    // Options and their values before the subcommand do not hide it.
    expect(await bashOffers(stdout, ["--api-url", "http://x", "--json", "runs", "list", "--"])).toEqual(
      expect.arrayContaining(["--project", "--status", "--all", "--limit", "--json", "--help"]),
    );
    expect(await bashOffers(stdout, ["secrets", ""])).toEqual(["set", "list", "delete", "rm"]);
  });

  it("zsh and fish: the same tree, in each shell's terms", async () => {
    const zsh = await kroma(["completion", "zsh"]);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.startsWith("#compdef kroma\n")).toBe(true);
    expect(zsh.stdout).toContain('"runs") echo "trigger rerun watch');
    expect(zsh.stdout).toContain("compdef _kroma kroma");

    const fish = await kroma(["completion", "fish"]);
    expect(fish.code).toBe(0);
    expect(fish.stdout).toContain("complete -c kroma -f -n '__kroma_at \\'runs\\'' -a 'watch'");
    expect(fish.stdout).toContain("complete -c kroma -n '__kroma_at \\'runs watch\\'' -l 'project' -r -F");
  });

  it.skipIf(!installed("zsh"))("zsh: the script offers runs' subcommands and --project", async () => {
    const { stdout } = await kroma(["completion", "zsh"]);
    // compadd and _files stand in for zsh's completion system: they print what would be offered.
    const stubs = 'compdef() { :; }; compadd() { shift; print -l -- "$@"; }; _files() { print FILES; }; source SCRIPT;';
    const offered = (words: string) =>
      inShell("zsh", ["-f", "-c"], stdout, "_kroma", `${stubs} words=(kroma ${words}); CURRENT=\${#words}; _kroma`);
    expect(await offered("runs ''")).toEqual(expect.arrayContaining(["list", "show", "watch"]));
    expect(await offered("--json runs watch --pro")).toContain("--project");
    expect(await offered("runs watch -p ''")).toEqual(["FILES"]);
  });

  it.skipIf(!installed("fish"))("fish: the script offers runs' subcommands and --project", async () => {
    const { stdout } = await kroma(["completion", "fish"]);
    const offered = (line: string) =>
      inShell("fish", ["-c"], stdout, "kroma.fish", `source SCRIPT; complete -C '${line}'`);
    const runs = (await offered("kroma runs ")).map((line) => line.split("\t")[0]);
    expect(runs).toEqual(expect.arrayContaining(["list", "show", "watch"]));
    expect((await offered("kroma --json runs watch --pro")).map((line) => line.split("\t")[0])).toEqual(["--project"]);
  });

  it("an unknown shell is a usage error (exit 2)", async () => {
    const ran = await kroma(["completion", "powershell"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("Allowed choices are bash, zsh, fish");
  });
});
