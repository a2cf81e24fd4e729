//! What DAOs do together: royalties, co-funding, a cooperative's service payments and budgets.

use super::*;

parameter_types! {
	/// Royalty pool accounts derive from this id.
	pub const RoyaltiesPalletId: frame_support::PalletId = frame_support::PalletId(*b"cmn/roya");
}

impl pallet_royalties::Config for Runtime {
	type Currency = Balances;
	type Tokens = Tokens;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	type PalletId = RoyaltiesPalletId;
	type WeightInfo = pallet_royalties::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

parameter_types! {
	/// Campaign escrow accounts derive from this id.
	pub const CofundingPalletId: frame_support::PalletId = frame_support::PalletId(*b"cmn/fund");
	/// Held from a DAO while its campaign or sale is open.
	pub const CampaignDeposit: Balance = UNIT;
	pub const SaleDeposit: Balance = UNIT;
	/// A campaign runs for at least a minute (a person can watch one end to end on a
	/// development chain) and at most ninety days; a sale's period is within the same bounds.
	pub const MinCampaignDuration: BlockNumber = MINUTES;
	pub const MaxCampaignDuration: BlockNumber = 90 * DAYS;
}

impl pallet_cofunding::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	type PalletId = CofundingPalletId;
	type CampaignDeposit = CampaignDeposit;
	type SaleDeposit = SaleDeposit;
	/// A URI or a content hash.
	type MetadataLimit = ConstU32<128>;
	type MinDuration = MinCampaignDuration;
	type MaxDuration = MaxCampaignDuration;
	type WeightInfo = pallet_cofunding::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

parameter_types! {
	/// Service payments' escrow accounts derive from this id.
	pub const ServicePaymentsPalletId: frame_support::PalletId =
		frame_support::PalletId(*b"cmn/pays");
	/// Held from a customer while its payment is open.
	pub const PaymentDeposit: Balance = 10 * MILLI_UNIT;
	/// A cooperative's dispute window is at most thirty days.
	pub const MaxDisputeWindow: BlockNumber = 30 * DAYS;
}

impl pallet_service_payments::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	/// Disputes are decided by a proposal of the cooperative.
	type Proposals = crate::Governance;
	type PalletId = ServicePaymentsPalletId;
	type PaymentDeposit = PaymentDeposit;
	/// As long as a DAO role.
	type RoleLimit = ConstU32<32>;
	type MaxWindow = MaxDisputeWindow;
	type WeightInfo = pallet_service_payments::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

parameter_types! {
	/// Held from a DAO's treasury for each spend its budgets' ledgers keep.
	pub const SpendDeposit: Balance = 10 * MILLI_UNIT;
}

impl pallet_budgets::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	/// A programme of up to sixteen lines.
	type MaxLines = ConstU32<16>;
	/// As long as a DAO role.
	type LabelLimit = ConstU32<32>;
	/// A URI or a content hash.
	type MetadataLimit = ConstU32<128>;
	/// An invoice's or a decision's number.
	type ReferenceLimit = ConstU32<64>;
	type SpendDeposit = SpendDeposit;
	type WeightInfo = pallet_budgets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

impl pallet_donations::Config for Runtime {
	type Currency = Balances;
	type Tokens = Tokens;
	/// As long as a short message.
	type MemoLimit = ConstU32<140>;
	type WeightInfo = pallet_donations::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::FundedTokens;
}
