import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { toProductResponse } from '../catalog/catalog.service';
import { ProductResponse } from '../catalog/dto/product.dto';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import {
  MovementsQuery,
  RestockDto,
  StockChangeResponse,
  StockMovementResponse,
  StocktakeDto,
  StocktakeResponse,
} from './dto/inventory.dto';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@Controller('api/inventory')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get('low-stock')
  @ApiOkResponse({ type: [ProductResponse], description: 'Active products at or below their threshold, lowest first' })
  @StaffOnly('volunteer', 'admin')
  async lowStock(): Promise<ProductResponse[]> {
    return (await this.inventory.lowStock()).map(toProductResponse);
  }

  @Get('movements')
  @ApiOkResponse({ type: [StockMovementResponse] })
  @StaffOnly('volunteer', 'admin')
  movements(@Query() query: MovementsQuery): Promise<StockMovementResponse[]> {
    return this.inventory.movements({ productId: query.productId, limit: query.limit ?? 50 });
  }

  @Post('restocks')
  @ApiCreatedResponse({ type: StockChangeResponse })
  @StaffOnly('volunteer', 'admin')
  restock(@Body() body: RestockDto, @CurrentStaff() staff: StaffSession): Promise<StockChangeResponse> {
    return this.inventory.restock(body, staffActor(staff));
  }

  @Post('stocktakes')
  @ApiCreatedResponse({ type: StocktakeResponse })
  @StaffOnly('volunteer', 'admin')
  stocktake(@Body() body: StocktakeDto, @CurrentStaff() staff: StaffSession): Promise<StocktakeResponse> {
    return this.inventory.stocktake(body, staffActor(staff));
  }
}
