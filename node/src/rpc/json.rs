//! What every `dao_*` method shares: reading at the best block, errors, and how accounts,
//! texts and ratios read in JSON.

use communs_runtime::AccountId;
use jsonrpsee::{
	core::RpcResult,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use sp_core::crypto::Ss58Codec;
use sp_runtime::Perbill;

/// A runtime API call that failed.
pub fn runtime_error(error: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(1, "the runtime could not answer", Some(format!("{error:?}")))
}

/// An SS58 address, or an invalid-params error naming the argument.
pub fn account(who: &str) -> RpcResult<AccountId> {
	AccountId::from_ss58check(who).map_err(|_| {
		ErrorObject::owned(-32602, format!("`{who}` is not an SS58 address"), None::<()>)
	})
}

/// Bytes as text, invalid UTF-8 replaced.
pub fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// A ratio as a percentage: `30%`, `66.6666667%`.
pub fn percent(ratio: Perbill) -> String {
	format!("{}%", ratio.deconstruct() as f64 / 10_000_000.0)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn ratios_read_as_percentages() {
		assert_eq!(percent(Perbill::from_percent(30)), "30%");
		assert_eq!(percent(Perbill::from_parts(666_666_667)), "66.6666667%");
		assert_eq!(percent(Perbill::from_parts(1)), "0.0000001%");
	}

	#[test]
	fn a_bad_address_is_an_invalid_params_error() {
		let error = account("not-an-address").unwrap_err();
		assert_eq!(error.code(), -32602);
		assert!(error.message().contains("not an SS58 address"));
	}
}
