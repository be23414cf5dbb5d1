// A table of per-type entries filled by several translation units (the tests compile thousands of ap types;
// splitting them over units lets g++ run in parallel). Each unit registers its slice at a known start index.
#ifndef HLSFORGE_TEST_REGISTRY_H
#define HLSFORGE_TEST_REGISTRY_H

#include <cstddef>
#include <vector>

template <class Entry>
std::vector<Entry>& registry() {
  static std::vector<Entry> entries;
  return entries;
}

template <class Entry>
bool register_entries(std::size_t start, const Entry* entries, std::size_t count) {
  std::vector<Entry>& r = registry<Entry>();
  if (r.size() < start + count) r.resize(start + count);
  for (std::size_t i = 0; i < count; ++i) r[start + i] = entries[i];
  return true;
}

#endif
