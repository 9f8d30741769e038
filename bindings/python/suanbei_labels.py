"""GB 45438-2025 implicit labels from Python: a ctypes binding of libsuanbei_labels.so (standard library only).

The library is loaded from $SUANBEI_LABELS_LIB, else from the path `./suanbei label native-lib` prints (which builds it
on first use). Results are the objects the CLI prints with --json; failures raise SuanbeiLabelsError with the Chinese
reason. Calls are thread-safe and release the GIL while the library works (ctypes does for every foreign call).

    import suanbei_labels
    suanbei_labels.write("in.png", "out.png", "001191440300708461136T1XGW3", "id-1")
    suanbei_labels.verify("out.png")["verdict"]   # 'compliant'
    suanbei_labels.verify_many(["a.png", "b.jpg"])  # one call, all cores: [{...}, {...}] in the order given
    suanbei_labels.sign("out.png", "signed.png", "sm2.pem")                # SM2/SM3 SecurityData in ReservedCode1
    suanbei_labels.verify("signed.png", key="sm2.pub.pem")["security"]    # binding and signature checked
"""

import ctypes
import json
import os
import subprocess
import threading

__all__ = ["SuanbeiLabelsError", "verify", "verify_many", "verify_bytes", "read", "write", "propagate", "sign", "library_path"]

_REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
_lock = threading.Lock()
_lib = None


class SuanbeiLabelsError(Exception):
    """A call the library refused or could not do; str(e) is the Chinese reason, e.code the CLI's exit code."""

    def __init__(self, message, code=10):
        super().__init__(message)
        self.code = code


def library_path():
    """$SUANBEI_LABELS_LIB, else the first line `./suanbei label native-lib` prints."""
    path = os.environ.get("SUANBEI_LABELS_LIB")
    if path:
        return path
    launcher = os.path.join(_REPO_ROOT, "suanbei")
    done = subprocess.run([launcher, "label", "native-lib"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise SuanbeiLabelsError("无法构建 libsuanbei_labels.so：" + done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8").splitlines()[0]


def _load():
    global _lib
    with _lock:
        if _lib is None:
            lib = ctypes.CDLL(library_path())
            text, data, size = ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t
            out_data, out_size = ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)
            signatures = {
                "suanbei_labels_verify": [text],
                "suanbei_labels_verify_many": [ctypes.POINTER(text), size],
                "suanbei_labels_verify_buffer": [data, size, text],
                "suanbei_labels_read": [text],
                "suanbei_labels_write": [text, text, text, text, text],
                "suanbei_labels_propagate": [text, text, text, text, ctypes.c_int],
                "suanbei_labels_write_buffer": [data, size, text, text, text, text, out_data, out_size],
                "suanbei_labels_sign": [text, text, text, text, text, text, text],
                "suanbei_labels_verify_with_keys": [text, ctypes.POINTER(text), size],
            }
            for name, args in signatures.items():
                fn = getattr(lib, name)
                fn.argtypes = args
                fn.restype = ctypes.c_void_p  # a pointer we free, not a Python bytes copy
            lib.suanbei_labels_free.argtypes = [ctypes.c_void_p]
            lib.suanbei_labels_free.restype = None
            _lib = lib
        return _lib


def _text(value, name):
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} 应为字符串或路径")
    return os.fsencode(value) if isinstance(value, os.PathLike) else value.encode("utf-8")


def _call(name, *args):
    lib = _lib or _load()  # no lock once loaded: a platform calls verify once per upload
    pointer = getattr(lib, name)(*args)
    if not pointer:
        raise MemoryError("libsuanbei_labels: 无法分配结果")
    try:
        result = json.loads(ctypes.string_at(pointer).decode("utf-8"))
    finally:
        lib.suanbei_labels_free(pointer)
    if isinstance(result, dict) and "error" in result:
        raise SuanbeiLabelsError(result["error"], result.get("code", 10))
    return result


def verify(path, key=None):
    """The verification of a file: the same object as one line of `suanbei label verify --json`.

    With `key` (a public key's PEM path, or a list of them; [] for bindings only) the reserved fields' SecurityData
    is checked too, as `label verify --key … --json` does: the object gains "security", and a broken content binding
    or signature makes a compliant file "noncompliant"."""
    if key is None:
        return _call("suanbei_labels_verify", _text(path, "path"))
    keys = [key] if isinstance(key, (str, os.PathLike)) else list(key)
    paths = (ctypes.c_char_p * max(len(keys), 1))(*[_text(k, "key") for k in keys])
    return _call("suanbei_labels_verify_with_keys", _text(path, "path"), paths, len(keys))


def verify_many(paths):
    """The verifications of many files in one call, verified on all cores: a list with, for each path in the order
    given, the object `verify(path)` returns. A file that cannot be verified (missing, unreadable, a folder) does not
    stop the others: its element is {"file": path, "error": "中文原因", "code": 10} instead of raising. Checking uploads
    in batches this way costs the library's work per file and one call per 256 paths, rather than one call and one
    JSON parse each (BENCHMARKS.md)."""
    encoded = [_text(p, "path") for p in paths]
    results = []
    for start in range(0, max(len(encoded), 1), _MANY_PER_CALL):
        part = encoded[start:start + _MANY_PER_CALL]
        array = (ctypes.c_char_p * max(len(part), 1))(*part)
        results.extend(_call("suanbei_labels_verify_many", array, len(part)))
    return results


# Paths per library call in verify_many. The result of a call is one JSON text (≈ 320 bytes a file), copied twice on
# the way (bytes, then str). For 1,000 files those copies are large enough that glibc gives the heap's top back to the
# system when they are freed, so every call faults their pages in again (≈ 125 page faults); calls of 100 to 500 paths
# did not, and the few extra calls cost less than the faults (BENCHMARKS.md).
_MANY_PER_CALL = 256


def verify_bytes(data, extension=""):
    """The verification of a file held in memory; `extension` (".png") helps recognise its format."""
    buffer = bytes(data)
    return _call("suanbei_labels_verify_buffer", buffer, len(buffer), _text(extension, "extension"))


def read(path):
    """Every label in a file with its placement: the object of `suanbei label read --json`."""
    return _call("suanbei_labels_read", _text(path, "path"))


def write(src, dst, producer, produce_id, label="1"):
    """Writes a producer's label into a copy of src at dst (atomically; src is left as it was)."""
    _call("suanbei_labels_write", _text(src, "src"), _text(dst, "dst"), _text(producer, "producer"),
          _text(produce_id, "produce_id"), _text(label, "label"))


def propagate(src, dst, propagator, propagate_id, user_declared=False):
    """A propagation platform's step: the object of `suanbei label propagate --json`."""
    return _call("suanbei_labels_propagate", _text(src, "src"), _text(dst, "dst"), _text(propagator, "propagator"),
                 _text(propagate_id, "propagate_id"), 1 if user_declared else 0)


def sign(src, dst, key_pem_path, alg="sm2", producer=None, produce_id=None, label="1"):
    """Signs the label of src with TC260 SecurityData (`suanbei label sign`): SM2/SM3 ("sm2") or ECDSA P-256 ("p256",
    or None to follow the key). dst None signs src in place; else a signed copy is written to dst atomically. Without
    producer/produce_id the file's own compliant label is signed. Returns {"file","written","algorithm","kid",
    "reserved_code1"}."""
    return _call("suanbei_labels_sign", _text(src, "src"), None if dst is None else _text(dst, "dst"),
                 _text(key_pem_path, "key_pem_path"), None if alg is None else _text(alg, "alg"),
                 None if producer is None else _text(producer, "producer"),
                 None if produce_id is None else _text(produce_id, "produce_id"), _text(label, "label"))
