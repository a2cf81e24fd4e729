//! The chain's base: accounts and blocks (frame-system, with this machine's weights and the
//! block limits), batches (utility) and the development chains' sudo.

use super::*;

/// The share of a block's weight and length that ordinary transactions may fill; the rest is
/// kept for operational ones (such as a runtime upgrade).
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// The compute a block may take: three quarters of a slot (1.5 s of a 2-second slot), so that
/// a full block of ordinary transactions (75% of it, 1.125 s) is built within the author's
/// share of the slot (two thirds, 1.33 s) and a validator of the reference machine imports it
/// well within the slot (docs/performance.md has the measurements behind these figures).
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(SLOT_DURATION * WEIGHT_REF_TIME_PER_MILLIS * 3 / 4, u64::MAX);
/// The share of a block's weight `on_initialize` hooks are expected to take.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);

parameter_types! {
	/// Blocks whose hashes the runtime keeps (for mortal transactions).
	pub const BlockHashCount: BlockNumber = 2400;
	/// This runtime's version, checked by signed transactions.
	pub const Version: RuntimeVersion = VERSION;
	/// 1.5 s of compute per 2-second block, of which ordinary transactions may fill 75%; a
	/// block's and an extrinsic's base costs as measured on this machine.
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |weights| {
				weights.base_extrinsic = ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |weights| {
				weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.for_class(DispatchClass::Operational, |weights| {
				weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
				weights.reserved =
					Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
			.build_or_panic();
	/// At most 5 MiB per block, of which ordinary transactions may fill 75%.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	/// The SS58 address format.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = weights::pallet_utility::WeightInfo<Runtime>;
}
