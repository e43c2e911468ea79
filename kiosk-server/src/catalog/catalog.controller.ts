import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { CatalogService, toProductResponse } from './catalog.service';
import { CreateProductDto, ProductResponse, UpdateProductDto } from './dto/product.dto';

@ApiTags('catalog')
@Controller('api')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('catalog')
  @ApiOkResponse({ type: [ProductResponse] })
  async list(): Promise<ProductResponse[]> {
    return (await this.catalog.listActive()).map(toProductResponse);
  }

  @Post('products')
  @ApiCreatedResponse({ type: ProductResponse })
  @StaffOnly('admin')
  async create(@Body() body: CreateProductDto, @CurrentStaff() staff: StaffSession): Promise<ProductResponse> {
    return toProductResponse(await this.catalog.create(body, staffActor(staff)));
  }

  @Patch('products/:id')
  @ApiOkResponse({ type: ProductResponse })
  @StaffOnly('admin')
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateProductDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<ProductResponse> {
    return toProductResponse(await this.catalog.update(id, body, staffActor(staff)));
  }
}
