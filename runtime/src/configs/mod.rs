//! One `Config` implementation per pallet, grouped by concern. `derive_impl` supplies the
//! defaults; only what Communs chooses differently is written here.

use crate::weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight};
use crate::{
	opaque::SessionKeys, AccountId, Aura, Balance, Balances, Block, BlockNumber, Daos, Hash, Nonce,
	OriginCaller, PalletInfo, Royalties, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Scheduler, Session, System, TokenId, Tokens,
	ValidatorSet, DAYS, EXISTENTIAL_DEPOSIT, MAX_VALIDATORS, MICRO_UNIT, MILLI_UNIT, MINUTES,
	SESSION_PERIOD, SLOT_DURATION, SS58_PREFIX, UNIT, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, ConstantMultiplier, IdentityFee, Weight},
};
use frame_system::EnsureRoot;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{ConvertInto, One, OpaqueKeys},
	Perbill,
};
use sp_staking::SessionIndex;
use sp_version::RuntimeVersion;

mod communs;
mod consensus;
mod governance;
mod monetary;
mod system;

pub use communs::*;
pub use consensus::*;
pub use governance::*;
pub use monetary::*;
pub use system::*;
