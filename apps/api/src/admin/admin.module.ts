import type { Feature } from '../common/feature';
import { AdminController, OrganisationDomainsController } from './admin.controller';
import { AdminRepository } from './admin.repository';
import { AdminService } from './admin.service';
import { AuditRepository } from './audit.repository';

/** The admin screens' API: people, organisations and their email domains, the audit log. */
export const adminFeature: Feature = {
  providers: [AdminService, AdminRepository, AuditRepository],
  controllers: [AdminController, OrganisationDomainsController],
};
