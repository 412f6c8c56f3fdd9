"""The web editor as a writer uses it: the real bundled Sveltia CMS (``make editor``) on its ``test-repo`` backend,
whose files live in the browser's private storage (OPFS), filled with the repository's files by the test and read
back after. The configuration is the one the build generates, the backend switched to ``test-repo`` (GitHub's
needs a sign-in) and its editorial workflow left out (GitHub and GitLab only)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STORE = "sveltia-cms-test"  # the test-repo backend's folder in the origin's private storage

FILL = """async ([store, files]) => {
  const top = await (await navigator.storage.getDirectory()).getDirectoryHandle(store, {create: true});
  for (const [path, base64] of Object.entries(files)) {
    let dir = top;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    await writable.close();
  }
}"""

READ = """async (store) => {
  const found = {};
  const walk = async (dir, prefix) => {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let text = '';
        for (const byte of bytes) text += String.fromCharCode(byte);
        found[prefix + name] = btoa(text);
      }
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(store), '');
  return found;
}"""


def with_test_repo(generated: str) -> str:
    """The generated config.yml with the test-repo backend in place of GitHub's."""
    workflow = "publish_mode: editorial_workflow\n"
    start, end = generated.index("backend:\n"), generated.index(workflow) + len(workflow)
    return generated[:start] + "backend:\n  name: test-repo\n" + generated[end:]
