import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DELETED_PASSWORD_HASH, type Member } from '@commons/domain';

/**
 * Members whose display name has a word starting with $1 ("cla" finds "Helen Clarke" and
 * "Ann Smith-Clay"), whole-name prefixes first; deleted accounts and the caller ($2) left out. A scan
 * of users: names are short and the Commons has thousands of members, not millions.
 */
const FIND_BY_NAME = `
  SELECT id, display_name AS "displayName"
  FROM users
  WHERE (' ' || translate(display_name, '-', ' ')) ILIKE '% ' || $1 || '%'
    AND password_hash <> $3 AND id <> $2
  ORDER BY display_name ILIKE $1 || '%' DESC, lower(display_name), id
  LIMIT $4`;

@Injectable()
export class MembersRepository {
  constructor(private readonly db: DataSource) {}

  findByName(q: string, excludeId: string, limit: number): Promise<Member[]> {
    return this.db.query(FIND_BY_NAME, [escapeLike(q), excludeId, DELETED_PASSWORD_HASH, limit]);
  }
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
