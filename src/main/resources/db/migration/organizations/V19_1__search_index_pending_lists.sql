-- The name indexes (V14 words, trigrams) are GIN indexes with "fast update": new entries go to a pending list that
-- every search reads through in full until the list is merged into the index — by a vacuum, or by the insert that
-- finds it over gin_pending_list_limit (4 MB by default). Member edits and imports keep adding to it and nothing
-- vacuums a table of millions of rows often, so in steady state each search read a few MB of pending entries:
-- measured on the national dataset after one 45,000-row import (a 45,000-entry pending list), 600 province searches
-- took 9.1 s instead of 2.0 s until a vacuum. With a 256 kB limit the list is merged in small steps by the writes
-- themselves: 2.4 s after the same import, and the import itself no slower (12.1 s against 13.8 s).
alter index organizations.member_name_keys set (gin_pending_list_limit = 256);
alter index organizations.member_name_trgm set (gin_pending_list_limit = 256);
