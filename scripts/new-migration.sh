#!/usr/bin/env bash
# Writes a new migration from the difference between the last committed schema and the working
# one (`prisma migrate dev` breaks here past the first migration), then applies it.
# Usage: npm run db:new-migration -- add_fee_categories
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?Usage: npm run db:new-migration -- <name>}"
prev=$(mktemp --suffix=.prisma)
git show HEAD:prisma/schema.prisma > "$prev"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$prev" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$prev"
echo "Wrote $dir/migration.sql"
npx prisma migrate deploy
