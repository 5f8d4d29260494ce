import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GlobalRole, OrganisationKind } from '@commons/domain';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('text') kind: OrganisationKind;
  @Column('text') name: string;
  @Column('text', { name: 'la_code', nullable: true }) laCode: string | null;
  @Column('text', { name: 'ons_code', nullable: true }) onsCode: string | null;
  @Column('text', { nullable: true }) region: string | null;
}

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' }) id: string;
  @Column('text') email: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('integer', { name: 'organisation_id', nullable: true }) organisationId: number | null;
  @Column('text', { array: true }) roles: GlobalRole[];
  @Column('timestamptz', { name: 'email_verified_at', nullable: true }) emailVerifiedAt: Date | null;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @Column('integer', { name: 'sso_organisation_id', nullable: true }) ssoOrganisationId: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
