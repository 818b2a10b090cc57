package vn.dangvu.shared;

/** What a role allows over the subtree where it is granted. */
public enum Capability {
	READ_MEMBERS, WRITE_MEMBERS, MANAGE_ORGANIZATIONS, MANAGE_ACCOUNTS, READ_AUDIT
}
