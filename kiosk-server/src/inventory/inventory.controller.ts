import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { RestockDto, StockChangeResponse, StocktakeDto, StocktakeResponse } from './dto/inventory.dto';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@Controller('api/inventory')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

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
