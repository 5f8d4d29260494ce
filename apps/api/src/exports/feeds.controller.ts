import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Doc } from '../common/api-doc';
import { ExportsService } from './exports.service';

const ATOM = 'application/atom+xml; charset=utf-8';

/** Outside /api (app.ts excludes it from the prefix): feed readers are given the site's own addresses. */
@ApiTags('exports')
@Controller('feeds')
export class FeedsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('releases.atom')
  @Header('content-type', ATOM)
  @Doc({ summary: 'Atom feed of tool releases (public tools only)', produces: 'application/atom+xml' })
  releases() {
    return this.exports.releasesAtom();
  }

  @Get('initiatives.atom')
  @Header('content-type', ATOM)
  @Doc({ summary: 'Atom feed of initiative updates', produces: 'application/atom+xml' })
  initiatives() {
    return this.exports.initiativesAtom();
  }
}
