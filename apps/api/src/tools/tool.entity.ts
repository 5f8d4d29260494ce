import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ToolStage } from '@commons/domain';

@Entity('tools')
export class ToolEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text') summary: string;
  @Column('text') description: string;
  @Column('text') stage: ToolStage;
  @Column('text', { array: true }) datasets: string[];
  @Column('text', { array: true }) technology: string[];
  @Column('text', { nullable: true }) licence: string | null;
  @Column('text', { nullable: true }) repository: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
