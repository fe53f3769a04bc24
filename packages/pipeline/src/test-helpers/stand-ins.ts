// The images and cut-out stand-ins (from @kroma/testkit) wired into a test file's hooks: started
// once for the file, back to their defaults before each test, closed after the file.
import { type CutoutServers, startCutoutServices } from "@kroma/testkit/cutout-services";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { afterAll, beforeAll, beforeEach } from "vitest";

function started<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The ${name} stand-in is used before beforeAll started it`);
  return value;
}

/** The images API stand-in; before each test it forgets its requests and answers gray again. */
export function useImagesServer(): ImagesServer {
  let server: ImagesServer | undefined;
  const current = () => started(server, "images");
  beforeAll(async () => {
    server = await startImagesServer();
  });
  afterAll(() => current().close());
  beforeEach(() => {
    current().reset();
    current().script(() => ({ image: "gray" }));
  });
  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    script: (next) => current().script(next),
    reset: () => current().reset(),
    close: () => current().close(),
  };
}

/** The PhotoRoom and remove.bg stand-ins; before each test both answer a cut-out and no request is recorded. */
export function useCutoutServices(): CutoutServers {
  let services: CutoutServers | undefined;
  const current = () => started(services, "cut-out");
  beforeAll(async () => {
    services = await startCutoutServices();
  });
  afterAll(() => current().close());
  beforeEach(() => {
    current().requests.length = 0;
    current().reply("photoroom", { kind: "cutout" });
    current().reply("removebg", { kind: "cutout" });
  });
  return {
    get photoroomUrl() {
      return current().photoroomUrl;
    },
    get removebgUrl() {
      return current().removebgUrl;
    },
    get requests() {
      return current().requests;
    },
    get key() {
      return current().key;
    },
    reply: (service, reply) => current().reply(service, reply),
    close: () => current().close(),
  };
}
