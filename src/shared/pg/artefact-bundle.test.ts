import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packBundle, readDirectoryFiles, unpackBundle, writeDirectoryFiles } from "./artefact-bundle.js";

const files = [
  { path: "manifest.json", bytes: Buffer.from('{"version":"v1"}') },
  { path: "hnsw.bin", bytes: Buffer.from([0, 1, 2, 255, 254]) },
  { path: "empty.txt", bytes: Buffer.alloc(0) },
];

describe("artefact bundle", () => {
  it("round-trips files with their exact bytes and order", () => {
    const packed = packBundle(files);
    expect(packed.ok).toBe(true);
    if (!packed.ok) return;
    const unpacked = unpackBundle(packed.value);
    expect(unpacked.ok && unpacked.value.map((f) => [f.path, Buffer.from(f.bytes).toString("hex")])).toEqual(
      files.map((f) => [f.path, f.bytes.toString("hex")]),
    );
  });

  it("refuses a truncated, padded or foreign byte string", () => {
    const packed = packBundle(files);
    if (!packed.ok) throw new Error(packed.error);
    expect(unpackBundle(packed.value.subarray(0, packed.value.length - 2))).toMatchObject({ ok: false });
    expect(unpackBundle(Buffer.concat([packed.value, Buffer.from([0])]))).toMatchObject({
      ok: false,
      error: expect.stringContaining("trailing"),
    });
    expect(unpackBundle(Buffer.from("not a bundle at all"))).toEqual({ ok: false, error: "not an artefact bundle" });
  });

  it("refuses paths that would escape the version folder and duplicate names", () => {
    for (const path of ["../evil", "/etc/passwd", "a/../../b", ".", ""]) {
      expect(packBundle([{ path, bytes: Buffer.from("x") }])).toMatchObject({ ok: false });
    }
    expect(packBundle([files[0]!, files[0]!])).toMatchObject({
      ok: false,
      error: expect.stringContaining("duplicate"),
    });
  });

  it("refuses a bundle over the size limit with a message naming the limit", () => {
    const big = [{ path: "hnsw.bin", bytes: Buffer.alloc(3 * 1024 * 1024) }];
    const packed = packBundle(big, 2 * 1024 * 1024);
    expect(packed).toMatchObject({ ok: false, error: expect.stringMatching(/3\.0 MB, over the 2\.0 MB limit/) });
    const fine = packBundle(big);
    if (!fine.ok) throw new Error(fine.error);
    expect(unpackBundle(fine.value, 1024)).toMatchObject({ ok: false, error: expect.stringContaining("limit") });
  });

  it("reads a folder (nested files included) and writes it back identically", async () => {
    const src = await mkdtemp(join(tmpdir(), "bundle-src-"));
    await mkdir(join(src, "sub"));
    await writeFile(join(src, "b.json"), "{}");
    await writeFile(join(src, "sub", "a.bin"), Buffer.from([9, 8, 7]));
    expect(await readDirectoryFiles(src, 4)).toMatchObject({ ok: false, error: expect.stringContaining("limit") });
    const listed = await readDirectoryFiles(src);
    if (!listed.ok) throw new Error(listed.error);
    const read = listed.value;
    expect(read.map((f) => f.path)).toEqual(["b.json", "sub/a.bin"]);
    const out = join(await mkdtemp(join(tmpdir(), "bundle-out-")), "v1");
    await writeDirectoryFiles(out, read);
    expect(await readFile(join(out, "sub", "a.bin"))).toEqual(Buffer.from([9, 8, 7]));
  });
});
