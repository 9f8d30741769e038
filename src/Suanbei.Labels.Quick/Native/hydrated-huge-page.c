// Runs before main, so before the Native AOT runtime expands its compressed type data ("rehydration") into the
// .hydrated section. hydrated.ld places that section on its own 2 MiB-aligned, 2 MiB-padded range; asking for
// transparent huge pages there turns the ~320 page faults of the expansion (12 us each on a VM) into one.
// Harmless where huge pages are off or unavailable: the kernel then faults in 4 KiB pages as before.
//
// The executable's read-only segments (code, read-only data) are then mapped in one call (MADV_POPULATE_READ, Linux
// 5.14): a short run otherwise takes ~80 page faults on them, each mapping 16 pages around the faulting one, and on a
// VM the fault itself, not the mapping, is the cost (BENCHMARKS.md). The pages are the page cache's, shared with every
// other run; only page-table entries are added. Older kernels refuse the advice (EINVAL) and fault as before.
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

extern char suanbei_hydrated_start[] __attribute__((weak));
extern char suanbei_hydrated_end[] __attribute__((weak));
extern const ElfW(Ehdr) __ehdr_start __attribute__((weak)); // the linker's symbol for the mapped ELF header

static void populate_read_only_segments(void)
{
    if (!&__ehdr_start) return;
    const ElfW(Phdr)* headers = (const ElfW(Phdr)*)((const char*)&__ehdr_start + __ehdr_start.e_phoff);
    uintptr_t bias = 0, page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < __ehdr_start.e_phnum; i++)
        if (headers[i].p_type == PT_LOAD && headers[i].p_offset == 0) { bias = (uintptr_t)&__ehdr_start - headers[i].p_vaddr; break; }
    for (int i = 0; i < __ehdr_start.e_phnum; i++)
    {
        const ElfW(Phdr)* h = &headers[i];
        if (h->p_type != PT_LOAD || (h->p_flags & PF_W) || h->p_filesz == 0) continue;
        uintptr_t start = (bias + h->p_vaddr) & ~(page - 1), end = bias + h->p_vaddr + h->p_filesz;
        madvise((void*)start, end - start, MADV_POPULATE_READ);
    }
}

__attribute__((constructor)) static void suanbei_hydrated_huge_page(void)
{
    if (suanbei_hydrated_start && suanbei_hydrated_end > suanbei_hydrated_start)
        madvise(suanbei_hydrated_start, (size_t)(suanbei_hydrated_end - suanbei_hydrated_start), MADV_HUGEPAGE);
    populate_read_only_segments();
}
