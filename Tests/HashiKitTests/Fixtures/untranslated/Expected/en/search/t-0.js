HashiSearch.register("en","t-0",{"first":0,"z":"<I<nMOpd3iV(!M$AZ'P0µ+A0`"});
