// Runs before main, so before the Native AOT runtime expands its compressed type data ("rehydration") into the
// .hydrated section. hydrated.ld places that section on its own 2 MiB-aligned, 2 MiB-padded range; asking for
// transparent huge pages there turns the ~320 page faults of the expansion (12 us each on a VM) into one.
// Harmless where huge pages are off or unavailable: the kernel then faults in 4 KiB pages as before.
#include <sys/mman.h>

extern char suanbei_hydrated_start[] __attribute__((weak));
extern char suanbei_hydrated_end[] __attribute__((weak));

__attribute__((constructor)) static void suanbei_hydrated_huge_page(void)
{
    if (suanbei_hydrated_start && suanbei_hydrated_end > suanbei_hydrated_start)
        madvise(suanbei_hydrated_start, (size_t)(suanbei_hydrated_end - suanbei_hydrated_start), MADV_HUGEPAGE);
}
