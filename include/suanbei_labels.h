/*
 * suanbei_labels.h: the C ABI of libsuanbei_labels.so, GB 45438-2025 implicit labels (Suanbei.Labels as a native
 * shared library). Build it with `./suanbei label native-lib`, which prints the library's and this header's paths.
 *
 * Every function returns a new UTF-8, NUL-terminated JSON string, which the caller frees with suanbei_labels_free:
 *   - on success, the object `suanbei label … --json` prints for the same operation (verify: one line of
 *     `label verify --json`; read: `label read --json`; propagate: `label propagate --json`; write:
 *     {"file":OUTPUT,"written":true}); for a memory buffer "file" is "";
 *   - on failure, {"error":"中文原因","code":N}, N = 10 for bad input or an I/O error (the CLI's exit code), 11 for an
 *     internal error. A malformed file is not a failure: verify reports it as the verdict "inconclusive".
 * NULL is returned only when memory for the result cannot be allocated. No call crashes the host on bad input or
 * lets one call's result depend on another: calls from several threads at once are safe.
 *
 * Strings are UTF-8. `extension` is the buffer's file type hint (".png" or "png"; NULL or "" to rely on its content).
 * `label` is "1" (属于), "2" (可能为) or "3" (疑似); NULL means "1". Output files are written atomically (temporary
 * file, read back, renamed); the input is never modified, except by suanbei_labels_sign with `output` NULL.
 */
#ifndef SUANBEI_LABELS_H
#define SUANBEI_LABELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Verifies a file: {"file","verdict":"compliant|noncompliant|not_found|inconclusive","format","labels","problems"}. */
char *suanbei_labels_verify(const char *path);
char *suanbei_labels_verify_buffer(const uint8_t *data, size_t length, const char *extension);
/* Verifies `count` files at once on all cores (a platform's batch of uploads): a JSON array with one element per path,
 * in the order given, each the object suanbei_labels_verify returns for it; a path that cannot be verified (NULL,
 * missing, unreadable, a folder) gets {"file":PATH or null,"error":"中文原因","code":N} in its place and the others
 * are still verified. Only `paths` NULL with `count` > 0, or more than 1,048,576 paths, fails the whole call.
 * The library's helper threads are started by the first batch and kept; concurrent callers are safe. */
char *suanbei_labels_verify_many(const char *const *paths, size_t count);

/* Reads every label with its placement: {"file","format","labels":[{"placement","raw","fields"}],"damage"}. */
char *suanbei_labels_read(const char *path);
char *suanbei_labels_read_buffer(const uint8_t *data, size_t length, const char *extension);

/* Writes a producer's label (the propagator fields equal the producer's) as the only label of a copy of `input`. */
char *suanbei_labels_write(const char *input, const char *output, const char *producer, const char *produce_id,
                           const char *label);
/* The same for a buffer: on success *out_data (free with suanbei_labels_free) holds the labelled file's
 * *out_length bytes; on failure they are left unchanged. */
char *suanbei_labels_write_buffer(const uint8_t *data, size_t length, const char *extension, const char *producer,
                                  const char *produce_id, const char *label, uint8_t **out_data, size_t *out_length);

/* A propagation platform's step (Art. 6 of the labeling measures): classifies, and writes the propagator fields when
 * a label may be written ("written":true); `user_declared` != 0 when the uploader declared the content AI-generated. */
char *suanbei_labels_propagate(const char *input, const char *output, const char *propagator, const char *propagate_id,
                               int user_declared);
/* The same for a buffer; *out_data is NULL and *out_length 0 when nothing was written. */
char *suanbei_labels_propagate_buffer(const uint8_t *data, size_t length, const char *extension, const char *propagator,
                                      const char *propagate_id, int user_declared, uint8_t **out_data,
                                      size_t *out_length);

/* Signs a label with TC260 SecurityData (`label sign`): ReservedCode1 (and, on a producer's first write,
 * ReservedCode2) holds a record binding the label to the content's hash (SM3 or SHA-256) and signed with the private
 * key in the PEM file `key_pem_path` (SM2 or ECDSA P-256, PKCS#8 as `label keygen` writes it). `output` NULL signs
 * `input` in place (where the container allows it), else writes a signed copy atomically. `alg` is "sm2", "p256" or
 * NULL (the key's curve decides; given, it must match the key). `producer`/`produce_id` NULL keep the file's own
 * compliant label; given, they set a new producer label with `label` ("1" when NULL).
 * Returns {"file","written":true,"algorithm","kid","reserved_code1"}. */
char *suanbei_labels_sign(const char *input, const char *output, const char *key_pem_path, const char *alg,
                          const char *producer, const char *produce_id, const char *label);

/* Verifies a file and checks the SecurityData in its reserved fields (`label verify --key … --json`): the verify
 * object with "security":[{"field","kind","binding","signature","algorithm","kid","privsd","error"}]. Content
 * bindings are always checked; a signature is checked with the public key (PEM) whose key id its record names among
 * the `key_count` paths in `key_pem_paths` (0 keys: bindings only). A broken binding or signature makes a compliant
 * file "noncompliant" with the problem named. */
char *suanbei_labels_verify_with_keys(const char *path, const char *const *key_pem_paths, size_t key_count);

/* Frees a string or buffer returned by this library (NULL is allowed). */
void suanbei_labels_free(void *p);

#ifdef __cplusplus
}
#endif

#endif /* SUANBEI_LABELS_H */
