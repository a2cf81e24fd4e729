//! Money: CMN (balances), fees (transaction payment) and the DAOs' tokens.

use super::*;

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees do not move with congestion (yet): one fee multiplier for every block.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// Operational transactions pay five times the tip-free priority.
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One smallest unit of CMN per picosecond of weight.
	type WeightToFee = IdentityFee<Balance>;
	/// One micro-CMN per byte.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_UNIT>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

/// Its event tells that a call skipped its fee (a first vote).
impl pallet_skip_feeless_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
}

parameter_types! {
	/// Held from a token's owner while the token exists.
	pub const TokenDeposit: Balance = 10 * UNIT;
	/// Held for a token's metadata, plus the per-byte part below.
	pub const TokenMetadataDepositBase: Balance = UNIT;
	/// Held per byte of a token's name and symbol.
	pub const TokenMetadataDepositPerByte: Balance = 10 * MILLI_UNIT;
	/// Held for an account record kept with `touch`.
	pub const TokenAccountDeposit: Balance = 10 * MILLI_UNIT;
	/// Held from an owner while an approval is open.
	pub const TokenApprovalDeposit: Balance = 10 * MILLI_UNIT;
}

/// What the tokens pallet tells before a balance changes: the royalties pallet settles the
/// holder's revenue, the governance pallet moves its delegate's sum.
pub type ShareBalanceHooks = (Royalties, crate::Governance);

impl pallet_tokens::Config for Runtime {
	type Balance = Balance;
	type TokenId = TokenId;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type TokenDeposit = TokenDeposit;
	type MetadataDepositBase = TokenMetadataDepositBase;
	type MetadataDepositPerByte = TokenMetadataDepositPerByte;
	type AccountDeposit = TokenAccountDeposit;
	type ApprovalDeposit = TokenApprovalDeposit;
	type StringLimit = ConstU32<64>;
	/// Up to 16 proposals of one DAO may be open at once, each with its snapshot.
	type MaxOpenSnapshots = ConstU32<16>;
	type RemoveItemsLimit = ConstU32<100>;
	/// Settles royalty checkpoints and moves delegates' sums before shares change hands.
	type OnBalanceChange = ShareBalanceHooks;
	type WeightInfo = pallet_tokens::weights::SubstrateWeight<Runtime>;
}
