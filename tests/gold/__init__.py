"""The team's own reading of the corpus, pinned as test data: what a reader finds in the four
documents (entities, names, people, quotes, events, disagreements, everyday questions), each entry
with its document and a verbatim passage. The index is measured against it."""
