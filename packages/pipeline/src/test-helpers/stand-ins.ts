// The images and cut-out stand-ins (from @kroma/testkit) wired into a test file's hooks: started
// once for the file, back to their defaults before each test, closed after the file.
import { type CutoutServers, startCutoutServices } from "@kroma/testkit/cutout-services";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { afterAll, beforeAll, beforeEach } from "vitest";

/**
 * Starts a stand-in before the file's tests, runs `fresh` on it before each test and closes it
 * after them all. The stand-in only exists once beforeAll ran, so what is returned forwards to it:
 * a test file can keep it in a module-level const.
 */
function useStandIn<T extends { close(): Promise<void> }>(
  name: string,
  start: () => Promise<T>,
  fresh: (standIn: T) => void,
): T {
  let standIn: T | undefined;
  const current = (): T => {
    if (standIn === undefined) throw new Error(`The ${name} stand-in is used before beforeAll started it`);
    return standIn;
  };
  beforeAll(async () => {
    standIn = await start();
  });
  afterAll(() => current().close());
  beforeEach(() => fresh(current()));
  return new Proxy({} as T, { get: (_target, key) => Reflect.get(current(), key) });
}

/** The images API stand-in; before each test it forgets its requests and answers gray again. */
export function useImagesServer(): ImagesServer {
  return useStandIn("images", startImagesServer, (server) => {
    server.reset();
    server.script(() => ({ image: "gray" }));
  });
}

/** The PhotoRoom and remove.bg stand-ins; before each test both answer a cut-out and no request is recorded. */
export function useCutoutServices(): CutoutServers {
  return useStandIn(
    "cut-out",
    () => startCutoutServices(),
    (services) => {
      services.requests.length = 0;
      services.reply("photoroom", { kind: "cutout" });
      services.reply("removebg", { kind: "cutout" });
    },
  );
}
